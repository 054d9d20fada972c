using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using SocialEnterprise.Infrastructure.Operations;

namespace SocialEnterprise.Infrastructure.Listening;

/// <summary>
/// Group commit for the webhook: concurrent requests wait together and are committed by one statement, each answered
/// only once that statement has committed. Nothing waits on purpose — a batch is whatever arrived while the previous
/// one was being written — so a lone request is written at once.
/// </summary>
public sealed partial class IngestQueueWriter(NpgsqlDataSource dataSource, ILogger<IngestQueueWriter> logger) : BackgroundService
{
    public const int MaxBatch = 256;
    public const int Writers = 4;

    private readonly Channel<Waiting> _waiting = Channel.CreateBounded<Waiting>(
        new BoundedChannelOptions(MaxBatch * Writers * 4) { FullMode = BoundedChannelFullMode.Wait });

    public async Task<(Guid Id, bool Duplicate)> AcceptAsync(IngestSubmission submission, CancellationToken cancellationToken)
    {
        var waiting = new Waiting(submission, Activity.Current?.Context ?? default, new TaskCompletionSource<(Guid, bool)>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _waiting.Writer.WriteAsync(waiting, cancellationToken);
        // The answer waits for the commit even if the caller gives up: an accepted write is never half done.
        return await waiting.Committed.Task.WaitAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => WriteLoopAsync(stoppingToken)));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _waiting.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task WriteLoopAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Waiting>(MaxBatch);
        // Drain what is queued even while stopping: those requests are still waiting for their answer.
        while (await _waiting.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _waiting.Reader.TryRead(out var waiting))
            {
                batch.Add(waiting);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            // One commit for many requests: its span is linked to each request's, so every webhook trace shows its store.
            using var activity = Telemetry.Intake.StartActivity(
                "Store ingested events", ActivityKind.Internal, parentContext: default,
                links: batch.Where(w => w.Request != default).Select(w => new ActivityLink(w.Request)));
            activity?.SetTag("events.count", batch.Count);
            try
            {
                var answers = await IngestQueue.AcceptAsync(dataSource, batch.ConvertAll(w => w.Submission), CancellationToken.None);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Committed.TrySetResult(answers[i]);
                }
            }
            catch (Exception exception)
            {
                activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
                LogWriteFailed(logger, batch.Count, exception);
                batch.ForEach(w => w.Committed.TrySetException(exception));
            }

            if (stoppingToken.IsCancellationRequested && _waiting.Reader.Count == 0)
            {
                return;
            }
        }
    }

    private sealed record Waiting(IngestSubmission Submission, ActivityContext Request, TaskCompletionSource<(Guid, bool)> Committed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing {Count} ingested events failed; their channels are told to retry")]
    private static partial void LogWriteFailed(ILogger logger, int count, Exception exception);
}
