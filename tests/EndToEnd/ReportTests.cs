using System.Text.Json;
using Microsoft.Playwright;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Infrastructure.Listening;
using SocialEnterprise.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace SocialEnterprise.EndToEnd;

/// <summary>
/// The service-level report over its default 30 days in Chromium, as an admin, with a conversation opened today: the
/// day names under each chart over time do not overlap, at 1280 px nor at 1024 px. Screenshots of both widths are
/// left in the test folder (outside the repository) for a person to look at.
/// </summary>
public sealed class ReportTests(StackFixture stack, BrowserFixture browser)
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Thirty_days_of_axis_labels_do_not_overlap_at_1280_or_1024_px()
    {
        var word = StackFixture.Letters(12);
        await stack.IngestAsync(IngestChannels.X, ChannelEvents.Event(
            $"Where is my order {word}, it is late", $"c_{StackFixture.Letters(10)}", "Rae Report", MessageKinds.Mention), _cancellation);
        await stack.ConversationAsync(word, _cancellation);

        var page = await browser.OpenAsync(stack.Stack.WebUrl, "admin", "reports/service-levels");
        await Expect(page.Locator("[data-testid=chart-volume] [data-testid=time-chart]")).ToHaveAttributeAsync("data-buckets", "30");

        foreach (var width in new[] { 1280, 1024 })
        {
            await page.SetViewportSizeAsync(width, 800);
            var charts = await DrawnAxesAsync(page);

            foreach (var chart in charts)
            {
                Assert.InRange(chart.Labels.Length, 3, 10);
                foreach (var (first, second) in chart.Labels.SelectMany((label, index) => chart.Labels.Skip(index + 1).Select(other => (label, other))))
                {
                    Assert.False(first.Overlaps(second), $"At {width} px, \"{first.Text}\" ({first.Left:0}–{first.Right:0}) overlaps \"{second.Text}\" ({second.Left:0}–{second.Right:0}).");
                }
            }

            var screenshots = Directory.CreateDirectory(Path.Combine(TestDirectories.Root, "screenshots"));
            await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots.FullName, $"service-levels-{width}.png"), FullPage = true });
        }
    }

    /// <summary>
    /// The named x-axis labels of every chart over time, once each chart is drawn at its size in the page (MudBlazor
    /// redraws a moment after the window changes).
    /// </summary>
    private async Task<AxisLabels[]> DrawnAxesAsync(IPage page)
    {
        AxisLabels[] charts = [];
        await Eventually.TrueAsync(async () =>
        {
            var drawn = await page.EvaluateAsync<JsonElement>("""
                () => [...document.querySelectorAll('[data-testid=chart-volume] svg.mud-chart-line, [data-testid=chart-breaches] svg.mud-chart-line')].map(svg => ({
                    Width: svg.getBoundingClientRect().width,
                    ViewBoxWidth: svg.viewBox.baseVal.width,
                    Labels: [...svg.querySelectorAll('.mud-charts-xaxis text')]
                        .filter(text => text.textContent.trim().length > 0)
                        .map(text => { const box = text.getBoundingClientRect(); return { Text: text.textContent, Left: box.left, Right: box.right, Top: box.top, Bottom: box.bottom }; }),
                }))
                """);
            charts = drawn.Deserialize<AxisLabels[]>()!;
            return charts.Length > 0 && charts.All(chart => Math.Abs(chart.Width - chart.ViewBoxWidth) < 1 && chart.Labels.Length > 0);
        }, _cancellation, TimeSpan.FromSeconds(15));
        return charts;
    }

    private sealed record AxisLabels(double Width, double ViewBoxWidth, LabelBox[] Labels);

    private sealed record LabelBox(string Text, double Left, double Right, double Top, double Bottom)
    {
        public bool Overlaps(LabelBox other) => Left < other.Right && other.Left < Right && Top < other.Bottom && other.Top < Bottom;
    }
}
