using System.Text;

namespace Curation.Pipeline.Config;

/// <summary>YAML keys are snake_case spellings of C# property names (<c>MaxFileBytes</c> → <c>max_file_bytes</c>).</summary>
public static class ConfigNaming
{
    public static string ToSnake(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])) || char.IsDigit(name[i - 1])))
                    sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
