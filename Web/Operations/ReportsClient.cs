using SocialEnterprise.Contracts.Reports;

namespace SocialEnterprise.Web.Operations;

/// <summary>Reports and their exports.</summary>
public sealed class ReportsClient(ApiTransport api)
{
    public Task<ServiceLevelReport> ServiceLevelReportAsync(ServiceLevelReportQuery query, CancellationToken cancellationToken) =>
        api.ReadAsync<ServiceLevelReport>(HttpMethod.Get, $"api/reports/service-levels?{query.ToQueryString()}", null, cancellationToken);

    /// <summary>
    /// The report's clocks as CSV, streamed from the Api as the signed-in user (the Api audits the export); disposing
    /// the stream ends the download.
    /// </summary>
    public async Task<Stream> ServiceLevelCsvAsync(ServiceLevelReportQuery query, CancellationToken cancellationToken)
    {
        var response = await api.SendAsync(
            HttpMethod.Get, $"api/reports/service-levels.csv?{query.ToQueryString()}", null, cancellationToken, HttpCompletionOption.ResponseHeadersRead);
        try
        {
            await ApiTransport.EnsureSuccessAsync(response, cancellationToken);
            return await response.Content.ReadAsStreamAsync(cancellationToken);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
