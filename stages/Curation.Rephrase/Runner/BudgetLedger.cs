using Curation.Rephrase.Client;

namespace Curation.Rephrase.Runner;

/// <summary>Spent plus reserved usage against a <see cref="UsageBudget"/>; reservations are replaced by actual usage when a document ends.</summary>
internal sealed class BudgetLedger(UsageBudget budget)
{
    private readonly Lock _gate = new();
    private long _prompt, _completion;

    public bool TryReserve(TokenUsage worstCase)
    {
        lock (_gate)
        {
            var prompt = _prompt + worstCase.PromptTokens;
            var completion = _completion + worstCase.CompletionTokens;
            if (budget.MaxTotalTokens is { } maxTokens && prompt + completion > maxTokens)
                return false;
            if (budget.MaxCost is { } maxCost && budget.CostOf(prompt, completion) > maxCost)
                return false;
            _prompt = prompt;
            _completion = completion;
            return true;
        }
    }

    public void Settle(TokenUsage reserved, TokenUsage actual)
    {
        lock (_gate)
        {
            _prompt += actual.PromptTokens - reserved.PromptTokens;
            _completion += actual.CompletionTokens - reserved.CompletionTokens;
        }
    }
}
