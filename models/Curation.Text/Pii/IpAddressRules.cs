using System.Net;
using System.Net.Sockets;

namespace Curation.Text.Pii;

/// <summary>Python's <c>ipaddress</c> validity and <c>is_global</c> tests, which decide whether datatrove replaces an address.</summary>
public static class IpAddressRules
{
    private static readonly (uint Network, int Prefix)[] NonGlobalV4 =
    [
        (V4(0, 0, 0, 0), 8), (V4(10, 0, 0, 0), 8), (V4(127, 0, 0, 0), 8), (V4(169, 254, 0, 0), 16), (V4(172, 16, 0, 0), 12),
        (V4(192, 0, 0, 0), 29), (V4(192, 0, 0, 170), 31), (V4(192, 0, 2, 0), 24), (V4(192, 168, 0, 0), 16), (V4(198, 18, 0, 0), 15),
        (V4(198, 51, 100, 0), 24), (V4(203, 0, 113, 0), 24), (V4(240, 0, 0, 0), 4), (V4(255, 255, 255, 255), 32),
        (V4(100, 64, 0, 0), 10),
    ];

    /// <summary>Parses a dotted IPv4 address as Python does (exactly four decimal octets ≤ 255, no leading zeros).</summary>
    public static bool TryParseV4(ReadOnlySpan<char> s, out uint address)
    {
        address = 0;
        int octets = 0, i = 0;
        while (octets < 4)
        {
            int start = i, value = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]) && i - start < 3) value = value * 10 + (s[i++] - '0');
            int len = i - start;
            if (len == 0 || value > 255 || (len > 1 && s[start] == '0')) return false;
            address = (address << 8) | (uint)value;
            octets++;
            if (octets < 4)
            {
                if (i >= s.Length || s[i] != '.') return false;
                i++;
            }
        }
        return i == s.Length;
    }

    /// <summary>True when a valid IPv4 address is globally routable (Python's <c>is_global</c>).</summary>
    public static bool IsGlobalV4(uint address)
    {
        foreach (var (network, prefix) in NonGlobalV4)
        {
            uint mask = prefix == 0 ? 0 : uint.MaxValue << (32 - prefix);
            if ((address & mask) == network) return false;
        }
        return true;
    }

    /// <summary>True when the text is a valid IPv6 address that is globally routable.</summary>
    public static bool IsGlobalV6(ReadOnlySpan<char> s, out bool valid)
    {
        valid = s.Contains(':') && IPAddress.TryParse(s, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6;
        if (!valid) return false;
        var b = IPAddress.Parse(s).GetAddressBytes();
        bool allZeroPrefix = b.AsSpan(0, 15).IndexOfAnyExcept((byte)0) < 0;
        if (allZeroPrefix && (b[15] == 0 || b[15] == 1)) return false;                                  // :: and ::1
        if (b.AsSpan(0, 10).IndexOfAnyExcept((byte)0) < 0 && b[10] == 0xff && b[11] == 0xff)           // ::ffff:a.b.c.d
        {
            return IsGlobalV4(((uint)b[12] << 24) | ((uint)b[13] << 16) | ((uint)b[14] << 8) | b[15]);
        }
        if ((b[0] & 0xfe) == 0xfc) return false;                                                        // fc00::/7
        if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return false;                                        // fe80::/10
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return false;                 // 2001:db8::/32
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] <= 0x01) return false;                                 // 2001::/23
        if (b[0] == 0x01 && b[1] == 0x00 && b.AsSpan(2, 6).IndexOfAnyExcept((byte)0) < 0) return false; // 100::/64
        return true;
    }

    private static uint V4(uint a, uint b, uint c, uint d) => (a << 24) | (b << 16) | (c << 8) | d;
}
