using SocialEnterprise.LocalServers;

namespace SocialEnterprise.TestSupport;

/// <summary>
/// A real Redis server from the machine's packages, on a free port and a fresh folder removed afterwards. It keeps its
/// data across a restart (append-only file) and can be stopped and started again on the same port, as an outage and a
/// recovery.
/// </summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private readonly string _password = Guid.NewGuid().ToString("N");
    private string _directory = "";

    public RedisServer Server { get; private set; } = null!;

    public int Port { get; } = FreePort.Next();

    public string ConnectionString => $"127.0.0.1:{Port},password={_password}";

    public async ValueTask InitializeAsync()
    {
        _directory = TestDirectories.New("redis");
        await StartAsync();
    }

    public async Task StartAsync() =>
        Server = await RedisServer.StartAsync(_directory, Port, _password, TestLog.Instance, durable: true, CancellationToken.None);

    public Task StopAsync() => Server.StopAsync();

    public async ValueTask DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        TestDirectories.Delete(_directory);
    }
}
