namespace Curation.Pipeline.Config;

/// <summary>Options that check their own values after binding (ranges, combinations).</summary>
public interface IConfigValidatable
{
    void Validate(string path, ConfigErrors errors);
}
