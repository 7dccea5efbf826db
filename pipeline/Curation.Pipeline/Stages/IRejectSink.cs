using Curation.Pipeline.Documents;

namespace Curation.Pipeline.Stages;

/// <summary>Receives documents a stage dropped, with the stage and the reason, so nothing is lost silently.</summary>
public interface IRejectSink
{
    void Reject(Document document, string stageId, string reason);
}
