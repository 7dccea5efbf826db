using System.Runtime.CompilerServices;
using Curation.Pipeline.Documents;

namespace Curation.Pipeline.Stages;

/// <summary>Base for stages that transform each document into exactly one document.</summary>
public abstract class MapStage : IStage
{
    public abstract string Id { get; }

    protected abstract Document Map(Document document, StageContext context);

    public async IAsyncEnumerable<Document> RunAsync(IAsyncEnumerable<Document> input, StageContext context,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var doc in input.WithCancellation(cancellationToken))
            yield return Map(doc, context);
    }
}
