using System.Collections;
using System.Globalization;
using System.Reflection;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Curation.Pipeline.Config;

/// <summary>
/// Binds YAML nodes to option records strictly: every key must name a settable property (snake_case), every
/// scalar must parse as the property's type, and every problem is collected with its line and column rather
/// than stopping at the first. Supports strings, numbers (with size suffixes such as 64MB for longs), bools,
/// enums, nullable types, lists, string-keyed dictionaries, nested records and raw <see cref="YamlNode"/> values.
/// </summary>
public static class ConfigBinder
{
    public static T Bind<T>(YamlNode? node, string path, ConfigErrors errors) where T : new() =>
        (T)(Bind(typeof(T), node, path, errors) ?? new T());

    public static object? Bind(Type type, YamlNode? node, string path, ConfigErrors errors)
    {
        if (node is null || IsNull(node)) return Nullable.GetUnderlyingType(type) is null && type.IsValueType ? Activator.CreateInstance(type) : NewOrNull(type);
        if (typeof(YamlNode).IsAssignableFrom(type)) return node;
        var under = Nullable.GetUnderlyingType(type) ?? type;
        if (under == typeof(string) || under.IsPrimitive || under.IsEnum || under == typeof(decimal) || under == typeof(TimeSpan))
            return BindScalar(under, node, path, errors);
        if (under.IsGenericType && under.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            return BindDictionary(under, node, path, errors);
        if (under.IsGenericType && (under.GetGenericTypeDefinition() == typeof(List<>) || under.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)))
            return BindList(under, node, path, errors);
        return BindObject(under, node, path, errors);
    }

    private static object? NewOrNull(Type t) =>
        t == typeof(string) || t.IsAbstract || t.IsInterface || t.GetConstructor(Type.EmptyTypes) is null ? null : Activator.CreateInstance(t);

    private static bool IsNull(YamlNode n) =>
        n is YamlScalarNode s && s.Style == YamlDotNet.Core.ScalarStyle.Plain && (s.Value is null or "" or "~" or "null");

    private static object? BindObject(Type type, YamlNode node, string path, ConfigErrors errors)
    {
        if (node is not YamlMappingNode map)
        {
            errors.Add(path, node, $"expected a mapping (key: value) for {Describe(type)}");
            return NewOrNull(type);
        }
        var target = Activator.CreateInstance(type)!;
        var props = Properties(type);
        var rest = RestProperty(type);
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            var childPath = path.Length == 0 ? key : $"{path}.{key}";
            if (!props.TryGetValue(key, out var prop) && rest is not null)
            {
                // Free-form options validated by the component that owns them (e.g. a rule's own option names).
                var bag = (Dictionary<string, YamlNode>?)rest.GetValue(target);
                if (bag is null) rest.SetValue(target, bag = new Dictionary<string, YamlNode>(StringComparer.Ordinal));
                bag[key] = valueNode;
                continue;
            }
            if (prop is null)
            {
                errors.Add(childPath, keyNode, $"unknown key '{key}'; expected one of: {string.Join(", ", props.Keys.Order(StringComparer.Ordinal))}");
                continue;
            }
            var value = Bind(prop.PropertyType, valueNode, childPath, errors);
            prop.SetValue(target, value);
        }
        if (target is IConfigValidatable v) v.Validate(path, errors);
        return target;
    }

    /// <summary>The bindable properties of a type by their YAML names.</summary>
    public static Dictionary<string, PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<ConfigIgnoreAttribute>() is null
                        && p.GetCustomAttribute<ConfigRestAttribute>() is null)
            .ToDictionary(p => ConfigNaming.ToSnake(p.Name), StringComparer.Ordinal);

    private static PropertyInfo? RestProperty(Type type)
    {
        var rest = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .SingleOrDefault(p => p.GetCustomAttribute<ConfigRestAttribute>() is not null);
        if (rest is not null && (rest.PropertyType != typeof(Dictionary<string, YamlNode>) || !rest.CanWrite))
            throw new InvalidOperationException($"{type.Name}.{rest.Name}: [ConfigRest] needs a settable Dictionary<string, YamlNode>");
        return rest;
    }

    private static object BindList(Type type, YamlNode node, string path, ConfigErrors errors)
    {
        var elem = type.GetGenericArguments()[0];
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elem))!;
        if (node is YamlSequenceNode seq)
        {
            var i = 0;
            foreach (var child in seq.Children) list.Add(Bind(elem, child, $"{path}[{i++}]", errors));
        }
        else if (node is YamlScalarNode)
        {
            // A single value where a list is expected is a one-element list (paths: data/*.jsonl).
            list.Add(Bind(elem, node, $"{path}[0]", errors));
        }
        else errors.Add(path, node, "expected a list");
        return list;
    }

    private static object BindDictionary(Type type, YamlNode node, string path, ConfigErrors errors)
    {
        var args = type.GetGenericArguments();
        var dict = (IDictionary)Activator.CreateInstance(type)!;
        if (args[0] != typeof(string))
            throw new InvalidOperationException("config dictionaries must have string keys");
        if (node is not YamlMappingNode map)
        {
            errors.Add(path, node, "expected a mapping");
            return dict;
        }
        foreach (var (k, v) in map.Children)
        {
            var key = ((YamlScalarNode)k).Value ?? "";
            dict[key] = Bind(args[1], v, $"{path}.{key}", errors);
        }
        return dict;
    }

    private static object? BindScalar(Type type, YamlNode node, string path, ConfigErrors errors)
    {
        if (node is not YamlScalarNode s)
        {
            errors.Add(path, node, $"expected a single {Describe(type)} value");
            return type.IsValueType ? Activator.CreateInstance(type) : null;
        }
        var text = s.Value ?? "";
        if (type == typeof(string)) return text;
        if (TryParseScalar(type, text, out var value)) return value;
        var expected = type.IsEnum
            ? "one of: " + string.Join(", ", Enum.GetNames(type).Select(ConfigNaming.ToSnake))
            : Describe(type);
        errors.Add(path, node, $"'{text}' is not a valid {expected}");
        return type.IsValueType ? Activator.CreateInstance(type) : null;
    }

    public static bool TryParseScalar(Type type, string text, out object? value)
    {
        var inv = CultureInfo.InvariantCulture;
        value = null;
        if (type == typeof(bool))
        {
            if (text is "true" or "True" or "yes" or "on") { value = true; return true; }
            if (text is "false" or "False" or "no" or "off") { value = false; return true; }
            return false;
        }
        if (type == typeof(int)) { if (ByteSize.TryParse(text, out var l) && l is >= int.MinValue and <= int.MaxValue) { value = (int)l; return true; } return false; }
        if (type == typeof(long)) { if (ByteSize.TryParse(text, out var l)) { value = l; return true; } return false; }
        if (type == typeof(ulong)) { if (ulong.TryParse(text.Replace("_", ""), NumberStyles.Integer, inv, out var u)) { value = u; return true; } return false; }
        if (type == typeof(double)) { if (double.TryParse(text, NumberStyles.Float, inv, out var d)) { value = d; return true; } return false; }
        if (type == typeof(float)) { if (float.TryParse(text, NumberStyles.Float, inv, out var f)) { value = f; return true; } return false; }
        if (type == typeof(TimeSpan)) { if (Durations.TryParse(text, out var t)) { value = t; return true; } return false; }
        if (type.IsEnum)
        {
            foreach (var name in Enum.GetNames(type))
            {
                if (string.Equals(ConfigNaming.ToSnake(name), text, StringComparison.Ordinal) || string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
                {
                    value = Enum.Parse(type, name);
                    return true;
                }
            }
            return false;
        }
        return false;
    }

    private static string Describe(Type t) => t switch
    {
        _ when t == typeof(int) || t == typeof(long) || t == typeof(ulong) => "integer",
        _ when t == typeof(double) || t == typeof(float) => "number",
        _ when t == typeof(bool) => "boolean (true/false)",
        _ when t == typeof(TimeSpan) => "duration (e.g. 30s, 5m, 2h)",
        _ => ConfigNaming.ToSnake(t.Name.Replace("Options", "").Replace("Config", "")),
    };

    /// <summary>Parses a whole YAML document; a syntax error becomes a <see cref="ConfigException"/> with its position.</summary>
    public static YamlMappingNode ParseDocument(string yaml, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new ConfigException(source, [new ConfigError("", e.Start.Line, e.Start.Column, "YAML syntax: " + (e.InnerException?.Message ?? e.Message))]);
        }
        if (stream.Documents.Count == 0) return new YamlMappingNode();
        if (stream.Documents[0].RootNode is YamlMappingNode m) return m;
        throw new ConfigException(source, [new ConfigError("", stream.Documents[0].RootNode.Start.Line, stream.Documents[0].RootNode.Start.Column, "the config must be a mapping at the top level")]);
    }
}

/// <summary>Excludes a property from config binding.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ConfigIgnoreAttribute : Attribute;

/// <summary>
/// Marks a <c>Dictionary&lt;string, YamlNode&gt;</c> property that receives every key the type does not declare, raw,
/// for options validated elsewhere (a rule's own option names); without it unknown keys are errors.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ConfigRestAttribute : Attribute;
