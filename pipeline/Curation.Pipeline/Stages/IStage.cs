using Curation.Pipeline.Documents;

namespace Curation.Pipeline.Stages;

/// <summary>
/// A processing block: consumes a stream of documents and yields a stream of documents (datatrove's
/// <c>run(data, rank, world_size)</c> with types). Stages are order-preserving, never mutate their input, and are
/// deterministic given <see cref="StageContext.Seed"/>. Parallelism lives in the executor, across tasks.
/// </summary>
public interface IStage
{
    /// <summary>Stable dotted id used in config, stats and logs (e.g. <c>filter.gopher_quality</c>).</summary>
    string Id { get; }

    IAsyncEnumerable<Document> RunAsync(IAsyncEnumerable<Document> input, StageContext context, CancellationToken cancellationToken);
}
