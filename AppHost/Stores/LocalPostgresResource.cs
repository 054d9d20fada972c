using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using SocialEnterprise.LocalServers;

namespace SocialEnterprise.AppHost.Stores;

/// <summary>
/// PostgreSQL from the machine's own packages, run by Aspire's orchestrator as a process (where no container runtime
/// answers): shown in the dashboard with its console log, health-checked, stopped with a fast shutdown.
/// </summary>
public sealed class LocalPostgresServerResource(string name, ServerCommand command, ParameterResource password)
    : ExecutableResource(name, command.FileName, command.WorkingDirectory), IResourceWithConnectionString
{
    internal const string EndpointName = "tcp";

    public ParameterResource PasswordParameter { get; } = password;

    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    /// <summary>The server's address, as Aspire's PostgreSQL container gives it: no database (each database resource adds its own).</summary>
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host=127.0.0.1;Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={LocalPostgres.Superuser};Password={PasswordParameter}");

    internal List<LocalPostgresDatabaseResource> Databases { get; } = [];
}

/// <summary>A database on a <see cref="LocalPostgresServerResource"/>, created once the server is healthy.</summary>
public sealed class LocalPostgresDatabaseResource(string name, LocalPostgresServerResource parent)
    : Resource(name), IResourceWithParent<LocalPostgresServerResource>, IResourceWithConnectionString
{
    public LocalPostgresServerResource Parent { get; } = parent;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent};Database={Name}");
}

public static class LocalPostgresBuilderExtensions
{
    /// <summary>
    /// PostgreSQL on 127.0.0.1:<paramref name="port"/> with its cluster in <paramref name="dataDirectory"/>, created on the
    /// first start (the superuser's password is a generated parameter kept in the AppHost's user secrets, as Aspire keeps
    /// its containers' passwords).
    /// </summary>
    public static IResourceBuilder<LocalPostgresServerResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, string name, string dataDirectory, int port, bool durable)
    {
        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password", special: false);
        var command = LocalPostgres.ServerCommand(dataDirectory, port, durable);
        var server = new LocalPostgresServerResource(name, command, password);

        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(server, async (_, cancellationToken) =>
            connectionString = await server.ConnectionStringExpression.GetValueAsync(cancellationToken));

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(server, async (started, cancellationToken) =>
        {
            var log = started.Services.GetRequiredService<ResourceLoggerService>().GetLogger(server);
            var secret = await password.GetValueAsync(cancellationToken) ?? throw new InvalidOperationException($"{password.Name} has no value.");
            await LocalPostgres.EnsureClusterAsync(dataDirectory, secret, line => log.LogInformation("{Line}", line), cancellationToken);
        });

        builder.Eventing.Subscribe<ResourceReadyEvent>(server, async (ready, cancellationToken) =>
        {
            var log = ready.Services.GetRequiredService<ResourceLoggerService>().GetLogger(server);
            await using var connection = new NpgsqlConnection(ServerConnectionString(connectionString));
            await connection.OpenAsync(cancellationToken);
            foreach (var database in server.Databases)
            {
                await CreateDatabaseAsync(connection, database.Name, log, cancellationToken);
            }
        });

        var check = $"{name}_check";
        builder.Services.AddHealthChecks().AddNpgSql(_ => ServerConnectionString(connectionString), name: check);

        return builder.AddResource(server)
            .WithArgs([.. command.Arguments])
            .WithEndpoint(port: port, targetPort: port, scheme: "tcp", name: LocalPostgresServerResource.EndpointName, isProxied: false)
            .WithIconName("DatabaseMultiple")
            .WithHealthCheck(check);
    }

    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(this IResourceBuilder<LocalPostgresServerResource> server, string name)
    {
        var database = new LocalPostgresDatabaseResource(name, server.Resource);
        server.Resource.Databases.Add(database);

        string? connectionString = null;
        server.ApplicationBuilder.Eventing.Subscribe<ConnectionStringAvailableEvent>(database, async (_, cancellationToken) =>
            connectionString = await database.ConnectionStringExpression.GetValueAsync(cancellationToken));
        var check = $"{name}_check";
        server.ApplicationBuilder.Services.AddHealthChecks().AddNpgSql(
            _ => connectionString ?? throw new InvalidOperationException($"The connection string of {name} is not known yet."), name: check);

        // Aspire mirrors a container's state onto its databases, not a process's: do it here, or the database stays
        // "Unknown" and everything waiting for it waits for ever. Healthy only once created, as with containers.
        server.ApplicationBuilder.Eventing.Subscribe<InitializeResourceEvent>(database, (initialize, _) =>
        {
            StartMirroringState(initialize, server.Resource, database);
            return Task.CompletedTask;
        });

        return server.ApplicationBuilder.AddResource(database)
            .WithIconName("Database")
            .WithHealthCheck(check);
    }

    private static void StartMirroringState(InitializeResourceEvent initialize, IResource server, IResource database)
    {
        var stopping = initialize.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        _ = MirrorStateAsync(initialize.Notifications, server, database, stopping);
    }

    private static async Task MirrorStateAsync(
        ResourceNotificationService notifications, IResource server, IResource database, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var change in notifications.WatchAsync(cancellationToken))
            {
                if (change.Resource == server)
                {
                    await notifications.PublishUpdateAsync(database, snapshot => snapshot with
                    {
                        State = change.Snapshot.State,
                        StartTimeStamp = change.Snapshot.StartTimeStamp,
                        StopTimeStamp = change.Snapshot.StopTimeStamp,
                    });
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    // The server's own connection string names no database; Npgsql would then pick one named after the user.
    private static string ServerConnectionString(string? connectionString) =>
        (connectionString ?? throw new InvalidOperationException("The PostgreSQL server's connection string is not known yet.")) + ";Database=postgres";

    private static async Task CreateDatabaseAsync(NpgsqlConnection connection, string name, ILogger log, CancellationToken cancellationToken)
    {
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = name } } };
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }

        try
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {new NpgsqlCommandBuilder().QuoteIdentifier(name)}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            log.LogInformation("Created the database {Database}", name);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Created meanwhile by someone else: what was wanted.
        }
    }
}
