using System.Globalization;
using System.Net.Http.Headers;

namespace Curation.Rephrase.Client;

/// <summary>Reads how long a server asked the client to wait: <c>retry-after-ms</c>, then <c>Retry-After</c> as seconds or an HTTP-date.</summary>
public static class RetryAfterHeader
{
    /// <summary>The requested wait, never negative, or null when the response carries no usable hint.</summary>
    public static TimeSpan? Read(HttpResponseHeaders headers, DateTimeOffset now)
    {
        // OpenAI and several gateways send millisecond precision beside the standard header; prefer it.
        if (headers.TryGetValues("retry-after-ms", out var ms) &&
            double.TryParse(ms.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var millis) &&
            double.IsFinite(millis) && millis >= 0)
            return TimeSpan.FromMilliseconds(Math.Min(millis, TimeSpan.FromDays(1).TotalMilliseconds));

        if (!headers.TryGetValues("Retry-After", out var values))
            return null;
        return Parse(values.FirstOrDefault(), now);
    }

    /// <summary>Parses one Retry-After value: delta-seconds (fractions tolerated) or an RFC 7231 HTTP-date relative to <paramref name="now"/>.</summary>
    public static TimeSpan? Parse(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        value = value.Trim();
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            if (!double.IsFinite(seconds) || seconds < 0)
                return null;
            return TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.FromDays(1).TotalSeconds));
        }
        if (RetryConditionHeaderValue.TryParse(value, out var parsed) && parsed.Date is { } date)
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }
}
