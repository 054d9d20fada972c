using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using SocialEnterprise.Domain.Probes;
using SocialEnterprise.LocalRunner;
using SocialEnterprise.Shared;
using SocialEnterprise.TestSupport;

namespace SocialEnterprise.EndToEnd;

/// <summary>./run.sh's runner as a user meets it: a process that brings everything up and takes it all down on Ctrl-C.</summary>
public sealed class LocalRunnerTests
{
    private const string Ready = "Ctrl-C stops everything.";

    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ctrl_C_stops_every_process_and_a_second_run_reuses_the_data()
    {
        var directory = TestDirectories.New("runner");
        var options = StackFixture.Options(directory);
        Guid probeId;

        await using (var first = await RunnerProcess.StartAsync(options, _cancellation))
        {
            using var api = ApiClient(options);
            using var created = await api.PostAsJsonAsync("api/probes", new ProbeRequest("first run"), _cancellation);
            Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
            probeId = (await created.Content.ReadFromJsonAsync<ProbeResponse>(_cancellation))!.Id;

            Assert.Equal(0, await first.InterruptAsync());
        }

        foreach (var port in new[] { options.WebPort, options.ApiPort, options.WorkersPort, options.PostgresPort, options.CachePort })
        {
            Assert.False(await IsListeningAsync(port), $"Port {port} is still open after Ctrl-C.");
        }

        Assert.Empty(ProcessesMentioning(directory));

        await using (var second = await RunnerProcess.StartAsync(options, _cancellation))
        {
            using var api = ApiClient(options);
            using var read = await api.GetAsync($"api/probes/{probeId}", _cancellation);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);

            Assert.Equal(0, await second.InterruptAsync());
        }

        TestDirectories.Delete(directory);
    }

    private static HttpClient ApiClient(LocalStackOptions options)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{options.ApiPort}/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AccessSettings.DevAdminKey);
        return client;
    }

    private static async Task<bool> IsListeningAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Every process whose command line names <paramref name="text"/> (PostgreSQL and Redis name their data folder).</summary>
    private static List<string> ProcessesMentioning(string text) =>
        Directory.GetDirectories("/proc")
            .Where(folder => int.TryParse(Path.GetFileName(folder), out _))
            .Select(folder =>
            {
                try
                {
                    return File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' ');
                }
                catch (IOException)
                {
                    return "";
                }
                catch (UnauthorizedAccessException)
                {
                    return "";
                }
            })
            .Where(commandLine => commandLine.Contains(text, StringComparison.Ordinal))
            .ToList();

    private sealed class RunnerProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        private RunnerProcess(Process process) => _process = process;

        public static async Task<RunnerProcess> StartAsync(LocalStackOptions options, CancellationToken cancellationToken)
        {
            var runner = Path.Combine(options.RepositoryRoot, "LocalRunner", "bin", options.Configuration, "net10.0", "SocialEnterprise.LocalRunner.dll");
            var info = new ProcessStartInfo("dotnet", [runner])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                Environment =
                {
                    ["SE_DATA_DIR"] = options.DataDirectory,
                    ["SE_WEB_PORT"] = options.WebPort.ToString(),
                    ["SE_API_PORT"] = options.ApiPort.ToString(),
                    ["SE_WORKERS_PORT"] = options.WorkersPort.ToString(),
                    ["SE_POSTGRES_PORT"] = options.PostgresPort.ToString(),
                    ["SE_CACHE_PORT"] = options.CachePort.ToString(),
                    ["SE_CONFIGURATION"] = options.Configuration,
                },
            };
            var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var process = new Process { StartInfo = info };
            var runnerProcess = new RunnerProcess(process);
            process.OutputDataReceived += (_, line) => runnerProcess.Observe(line.Data, ready);
            process.ErrorDataReceived += (_, line) => runnerProcess.Observe(line.Data, ready);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var exited = process.WaitForExitAsync(cancellationToken);
            var first = await Task.WhenAny(ready.Task, exited, Task.Delay(TimeSpan.FromSeconds(150), cancellationToken));
            if (first != ready.Task)
            {
                await runnerProcess.DisposeAsync();
                throw new InvalidOperationException($"The runner did not get ready:\n{runnerProcess.Output}");
            }

            return runnerProcess;
        }

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        /// <summary>Sends SIGINT, as Ctrl-C in a terminal does, and returns the exit code.</summary>
        public async Task<int> InterruptAsync()
        {
            using var kill = Process.Start("kill", ["-INT", _process.Id.ToString()]);
            await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await _process.WaitForExitAsync(timeout.Token);
            return _process.ExitCode;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }

        private void Observe(string? line, TaskCompletionSource ready)
        {
            if (line is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(line);
            }

            if (line.Contains(Ready, StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        }
    }
}
