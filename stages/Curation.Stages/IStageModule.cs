using Curation.Pipeline.Execution;
using Curation.Pipeline.IO;
using Curation.Pipeline.Registry;

namespace Curation.Stages;

/// <summary>
/// A family of built-in stages, step kinds or formats (filters, dedup, packing...). Every implementation in this
/// assembly is discovered by <see cref="BuiltinRegistry"/>, so a family registers itself from its own folder.
/// </summary>
public interface IStageModule
{
    void Register(StageRegistry stages, StepKindRegistry kinds, FormatRegistry formats);
}
