using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Curation.Rephrase.Client;

/// <summary>The JSON bodies of the OpenAI chat-completions and completions APIs: request writing and defensive response reading.</summary>
internal static class OpenAiWire
{
    public static byte[] WriteRequest(ApiStyle style, string model, string? system, string prompt, GenerationOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>(prompt.Length + 256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("model", model);
            if (style == ApiStyle.ChatCompletions)
            {
                json.WriteStartArray("messages");
                if (!string.IsNullOrEmpty(system))
                    WriteMessage(json, "system", system);
                WriteMessage(json, "user", prompt);
                json.WriteEndArray();
            }
            else
            {
                json.WriteString("prompt", string.IsNullOrEmpty(system) ? prompt : system + "\n\n" + prompt);
            }
            if (options.Temperature is { } t) json.WriteNumber("temperature", t);
            if (options.TopP is { } p) json.WriteNumber("top_p", p);
            if (options.MaxTokens is { } m) json.WriteNumber("max_tokens", m);
            if (options.Stop.Count > 0)
            {
                json.WriteStartArray("stop");
                foreach (var s in options.Stop) json.WriteStringValue(s);
                json.WriteEndArray();
            }
            json.WriteNumber("n", 1);
            json.WriteBoolean("stream", false);
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteMessage(Utf8JsonWriter json, string role, string content)
    {
        json.WriteStartObject();
        json.WriteString("role", role);
        json.WriteString("content", content);
        json.WriteEndObject();
    }

    /// <summary>Reads the first choice of a 2xx body; throws a transient or permanent <see cref="RequestFailedException"/> for unusable bodies.</summary>
    public static Completion ReadResponse(ApiStyle style, ReadOnlyMemory<byte> body, int promptChars)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new RequestFailedException(FailureReasons.MalformedJson, true,
                $"response body is not valid JSON ({body.Length} bytes): {e.Message}");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw Malformed($"response body is a JSON {root.ValueKind}, not an object");
            if (!root.TryGetProperty("choices", out var choices) || choices.ValueKind == JsonValueKind.Null)
                throw new RequestFailedException(FailureReasons.EmptyChoices, true, "response has no 'choices'");
            if (choices.ValueKind != JsonValueKind.Array)
                throw Malformed($"'choices' is a JSON {choices.ValueKind}, not an array");
            if (choices.GetArrayLength() == 0)
                throw new RequestFailedException(FailureReasons.EmptyChoices, true, "response has an empty 'choices' array");

            var first = choices[0];
            if (first.ValueKind != JsonValueKind.Object)
                throw Malformed("choices[0] is not an object");
            var finish = ReadString(first, "finish_reason");
            if (string.Equals(finish, "content_filter", StringComparison.Ordinal))
                throw new RequestFailedException(FailureReasons.ContentFilter, false, "the completion was stopped by the provider's content filter");

            string? text;
            if (style == ApiStyle.ChatCompletions)
            {
                text = first.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object
                    ? ReadString(message, "content")
                    : null;
            }
            else
            {
                text = ReadString(first, "text");
            }
            if (string.IsNullOrWhiteSpace(text))
                throw new RequestFailedException(FailureReasons.EmptyCompletion, true, "the first choice carries no text");

            return new Completion(text, ReadUsage(root, promptChars, text.Length), finish);
        }
    }

    /// <summary>Reads an error body's code, type and message, whichever are present.</summary>
    public static (string Code, string Message) ReadError(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var error = doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("error", out var e) ? e : doc.RootElement;
            if (error.ValueKind == JsonValueKind.String)
                return ("", error.GetString() ?? "");
            if (error.ValueKind != JsonValueKind.Object)
                return ("", "");
            var code = ReadString(error, "code") ?? ReadString(error, "type") ?? "";
            var message = ReadString(error, "message") ?? "";
            return (code, message);
        }
        catch (JsonException)
        {
            // Error bodies from proxies are often HTML or plain text: show a bounded excerpt instead.
            var text = Encoding.UTF8.GetString(body.Span[..Math.Min(body.Length, 300)]);
            return ("", text);
        }
    }

    private static TokenUsage ReadUsage(JsonElement root, int promptChars, int completionChars)
    {
        if (root.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object &&
            TryReadLong(usage, "prompt_tokens", out var prompt) && TryReadLong(usage, "completion_tokens", out var completion))
            return new TokenUsage(prompt, completion);
        // Some servers omit usage; budgets still need a figure, so estimate ~4 characters per token.
        return new TokenUsage(TokenEstimate.FromChars(promptChars), TokenEstimate.FromChars(completionChars));
    }

    private static bool TryReadLong(JsonElement obj, string name, out long value)
    {
        value = 0;
        return obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out value) && value >= 0;
    }

    private static string? ReadString(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static RequestFailedException Malformed(string message) =>
        new(FailureReasons.MalformedJson, true, message);
}
