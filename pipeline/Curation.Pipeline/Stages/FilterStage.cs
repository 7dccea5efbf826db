using System.Runtime.CompilerServices;
using Curation.Pipeline.Documents;

namespace Curation.Pipeline.Stages;

/// <summary>Base for stages that keep or drop documents one at a time; drops are counted by reason and sent to rejects.</summary>
public abstract class FilterStage : IStage
{
    public abstract string Id { get; }

    protected abstract FilterResult Evaluate(Document document, StageContext context);

    public async IAsyncEnumerable<Document> RunAsync(IAsyncEnumerable<Document> input, StageContext context,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var doc in input.WithCancellation(cancellationToken))
        {
            var r = Evaluate(doc, context);
            if (r.Keep)
            {
                yield return r.Replacement ?? doc;
            }
            else
            {
                var reason = r.Reason ?? "dropped";
                context.Stats.Drop(reason);
                context.Rejects.Reject(r.Replacement ?? doc, context.StageId, reason);
            }
        }
    }
}
