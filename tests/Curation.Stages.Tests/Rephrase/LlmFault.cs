namespace Curation.Stages.Tests.Rephrase;

/// <summary>What the fake server does with one request.</summary>
public enum LlmFault
{
    None,
    Status500,
    RateLimited,
    Reset,
    ContentFilter,
    MissingTags,
}
