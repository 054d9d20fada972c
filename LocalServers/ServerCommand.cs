namespace SocialEnterprise.LocalServers;

/// <summary>What to run for a server and with which arguments, whoever starts it (the AppHost's orchestrator, a test).</summary>
public sealed record ServerCommand(string FileName, IReadOnlyList<string> Arguments, string WorkingDirectory);

/// <summary>Something the machine must have installed is missing; the message says what to install.</summary>
public sealed class PrerequisiteMissingException(string message) : Exception(message);
