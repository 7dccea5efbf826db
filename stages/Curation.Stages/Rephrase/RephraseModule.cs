using Curation.Pipeline.Execution;
using Curation.Pipeline.IO;
using Curation.Pipeline.Registry;

namespace Curation.Stages.Rephrase;

/// <summary>Registers the LLM rephrasing stages: <c>rephrase</c> and <c>rephrase.postfilter</c>.</summary>
public sealed class RephraseModule : IStageModule
{
    public void Register(StageRegistry stages, StepKindRegistry kinds, FormatRegistry formats)
    {
        stages.Add<RephraseStageOptions>("rephrase", "rewrite selected documents through an OpenAI-compatible endpoint (REWIRE, WRAP)",
            (o, id) => new RephraseStage(o, id));
        stages.Add<RephrasePostFilterOptions>("rephrase.postfilter", "keep the best rewrites by a fastText classifier's score (top fraction or threshold)",
            (o, id) => new RephrasePostFilter(o, id));
    }
}
