using System.Globalization;
using System.Net;
using System.Text;

namespace Curation.Stages.Report;

/// <summary>Inline SVG charts: no scripts, fonts or network, so the report opens anywhere.</summary>
public static class Svg
{
    private const int Width = 680;
    private static readonly string[] Palette = ["#3b6ea8", "#d9822b", "#4a9c5d", "#b8474d", "#7d5ba6", "#8c6d3f", "#c86ba8", "#6b7b8c"];

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string E(string s) => WebUtility.HtmlEncode(s);

    /// <summary>A number for people: 1,234 · 12.3k · 4.5M, or a short decimal.</summary>
    public static string Human(double v)
    {
        var a = Math.Abs(v);
        if (a >= 1e9) return (v / 1e9).ToString("0.##", CultureInfo.InvariantCulture) + "B";
        if (a >= 1e6) return (v / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + "M";
        if (a >= 1e4) return (v / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + "k";
        if (a >= 100 || v == Math.Floor(v)) return v.ToString("#,0", CultureInfo.InvariantCulture);
        return v.ToString(a >= 1 ? "0.##" : "0.####", CultureInfo.InvariantCulture);
    }

    public static string Render(ChartSpec c) => c.Kind switch
    {
        ChartKind.Bars => Bars(c),
        ChartKind.Histogram => Histogram(c),
        ChartKind.Lines => Lines(c, scatter: false),
        ChartKind.Scatter => Lines(c, scatter: true),
        _ => "",
    };

    private static string Bars(ChartSpec c)
    {
        var values = c.Series.Count > 0 ? c.Series[0].Y : [];
        var n = Math.Min(values.Length, c.Labels.Length);
        const int row = 22, left = 210, right = 90;
        var h = 30 + n * row + 30;
        var max = n == 0 ? 1 : Math.Max(values.Take(n).Max(), 1e-12);
        var sb = Open(h, c);
        for (var i = 0; i < n; i++)
        {
            var y = 20 + i * row;
            var w = (Width - left - right) * values[i] / max;
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{y + 15}\" text-anchor=\"end\" class=\"lbl\">{E(Trim(c.Labels[i], 32))}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{left}\" y=\"{y + 3}\" width=\"{F(Math.Max(w, 1))}\" height=\"{row - 6}\" fill=\"{Palette[0]}\"><title>{E(c.Labels[i])}: {Human(values[i])}</title></rect>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(left + w + 5)}\" y=\"{y + 15}\" class=\"val\">{Human(values[i])}</text>");
            if (c.Series.Count > 1 && i < c.Series[1].Y.Length)
            {
                // a second series (e.g. natural distribution) drawn as a marker on the same row
                var x2 = left + (Width - left - right) * c.Series[1].Y[i] / max;
                sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(x2)}\" x2=\"{F(x2)}\" y1=\"{y + 1}\" y2=\"{y + row - 1}\" stroke=\"{Palette[1]}\" stroke-width=\"3\"><title>{E(c.Series[1].Name)}: {Human(c.Series[1].Y[i])}</title></line>");
            }
        }
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left}\" y=\"{h - 8}\" class=\"axis\">{E(c.XLabel)}</text>");
        return Close(sb, c);
    }

    private static string Histogram(ChartSpec c)
    {
        var ys = c.Series.Count > 0 ? c.Series[0].Y : [];
        var xs = c.Series.Count > 0 ? c.Series[0].X : [];
        const int h = 260, left = 60, bottom = 40, top = 15;
        var plotW = Width - left - 20;
        var plotH = h - top - bottom;
        var max = ys.Length == 0 ? 1 : Math.Max(ys.Max(), 1);
        double x0 = xs.Length > 0 ? xs[0] : 0, x1 = xs.Length > 1 ? xs[^1] + (xs[^1] - xs[^2]) : 1;
        var sb = Open(h, c);
        Axes(sb, left, top, plotW, plotH, x0, x1, 0, max);
        var bw = ys.Length == 0 ? 0 : plotW / (double)ys.Length;
        for (var i = 0; i < ys.Length; i++)
        {
            var bh = plotH * ys[i] / max;
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(left + i * bw)}\" y=\"{F(top + plotH - bh)}\" width=\"{F(Math.Max(bw - 1, 0.5))}\" height=\"{F(bh)}\" fill=\"{Palette[0]}\"><title>{(i < xs.Length ? Human(xs[i]) : "")}: {Human(ys[i])}</title></rect>");
        }
        if (c.Threshold is { } th && x1 > x0)
        {
            var tx = left + plotW * (th - x0) / (x1 - x0);
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(tx)}\" x2=\"{F(tx)}\" y1=\"{top}\" y2=\"{top + plotH}\" stroke=\"#c0392b\" stroke-width=\"2\" stroke-dasharray=\"5,3\"/><text x=\"{F(tx + 4)}\" y=\"{top + 12}\" class=\"thr\">threshold {Human(th)}</text>");
        }
        Labels(sb, c, left, top, plotW, plotH, h);
        return Close(sb, c);
    }

    private static string Lines(ChartSpec c, bool scatter)
    {
        const int h = 300, left = 64, bottom = 42, top = 15;
        var plotW = Width - left - 150;
        var plotH = h - top - bottom;
        var allX = c.Series.SelectMany(s => s.X).ToList();
        var allY = c.Series.SelectMany(s => s.Y).Where(double.IsFinite).ToList();
        if (allX.Count == 0 || allY.Count == 0) return "";
        double x0 = allX.Min(), x1 = allX.Max(), y0 = allY.Min(), y1 = allY.Max();
        if (scatter) { x0 = y0 = Math.Min(x0, y0); x1 = y1 = Math.Max(x1, y1); }
        if (x1 <= x0) x1 = x0 + 1;
        if (y1 <= y0) y1 = y0 + 1;
        var pad = (y1 - y0) * 0.05;
        y0 -= pad; y1 += pad;
        if (scatter) { x0 -= pad; x1 += pad; }
        var sb = Open(h, c);
        Axes(sb, left, top, plotW, plotH, x0, x1, y0, y1);
        string Px(double x) => F(left + plotW * (x - x0) / (x1 - x0));
        string Py(double y) => F(top + plotH - plotH * (y - y0) / (y1 - y0));
        if (scatter) sb.Append($"<line x1=\"{Px(x0)}\" y1=\"{Py(x0)}\" x2=\"{Px(x1)}\" y2=\"{Py(x1)}\" stroke=\"#999\" stroke-dasharray=\"4,3\"/>");
        for (var si = 0; si < c.Series.Count; si++)
        {
            var s = c.Series[si];
            var color = Palette[si % Palette.Length];
            if (scatter)
            {
                for (var i = 0; i < Math.Min(s.X.Length, s.Y.Length); i++)
                    sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{Px(s.X[i])}\" cy=\"{Py(s.Y[i])}\" r=\"3.5\" fill=\"{color}\" fill-opacity=\"0.75\"><title>{Human(s.X[i])}, {Human(s.Y[i])}</title></circle>");
            }
            else
            {
                var pts = string.Join(' ', Enumerable.Range(0, Math.Min(s.X.Length, s.Y.Length)).Where(i => double.IsFinite(s.Y[i])).Select(i => $"{Px(s.X[i])},{Py(s.Y[i])}"));
                sb.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{pts}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\"/>");
            }
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{left + plotW + 12}\" y=\"{top + 6 + si * 18}\" width=\"10\" height=\"10\" fill=\"{color}\"/><text x=\"{left + plotW + 26}\" y=\"{top + 15 + si * 18}\" class=\"lbl\">{E(Trim(s.Name, 18))}</text>");
        }
        Labels(sb, c, left, top, plotW, plotH, h);
        return Close(sb, c);
    }

    private static void Axes(StringBuilder sb, int left, int top, int w, int h, double x0, double x1, double y0, double y1)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{top + h}\" x2=\"{left + w}\" y2=\"{top + h}\" class=\"ax\"/><line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{top + h}\" class=\"ax\"/>");
        for (var i = 0; i <= 4; i++)
        {
            var yv = y0 + (y1 - y0) * i / 4;
            var py = top + h - h * i / 4.0;
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 5}\" y=\"{F(py + 4)}\" text-anchor=\"end\" class=\"tick\">{Human(yv)}</text><line x1=\"{left}\" x2=\"{left + w}\" y1=\"{F(py)}\" y2=\"{F(py)}\" class=\"grid\"/>");
            var xv = x0 + (x1 - x0) * i / 4;
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(left + w * i / 4.0)}\" y=\"{top + h + 15}\" text-anchor=\"middle\" class=\"tick\">{Human(xv)}</text>");
        }
    }

    private static void Labels(StringBuilder sb, ChartSpec c, int left, int top, int w, int h, int total)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + w / 2}\" y=\"{total - 6}\" text-anchor=\"middle\" class=\"axis\">{E(c.XLabel)}</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate(14,{top + h / 2}) rotate(-90)\" text-anchor=\"middle\" class=\"axis\">{E(c.YLabel)}</text>");
    }

    private static StringBuilder Open(int h, ChartSpec c) =>
        new StringBuilder().Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {h}\" width=\"{Width}\" height=\"{h}\" role=\"img\" aria-label=\"{E(c.Title)}\">");

    private static string Close(StringBuilder sb, ChartSpec c) => sb.Append("</svg>").ToString();

    private static string Trim(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}
