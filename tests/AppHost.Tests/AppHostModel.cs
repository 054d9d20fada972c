using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace SocialEnterprise.AppHost.Tests;

/// <summary>The AppHost's model as it would run, built with the given settings but not started.</summary>
public sealed class AppHostModel : IAsyncDisposable
{
    private readonly IDistributedApplicationTestingBuilder _builder;

    private AppHostModel(IDistributedApplicationTestingBuilder builder) => _builder = builder;

    public IResourceCollection Resources => _builder.Resources;

    public static async Task<AppHostModel> BuildAsync(params string[] arguments) =>
        new(await DistributedApplicationTestingBuilder.CreateAsync<Projects.SocialEnterprise_AppHost>(
            ["--AppHost:DataDirectory=" + Path.Combine(Path.GetTempPath(), "socialenterprise-apphost-model"), .. arguments],
            TestContext.Current.CancellationToken));

    public T Resource<T>(string name) where T : IResource => Assert.IsAssignableFrom<T>(Assert.Single(Resources, resource => resource.Name == name));

    public bool Has(string name) => Resources.Any(resource => resource.Name == name);

    /// <summary>
    /// The environment a resource is given, as the AppHost's callbacks write it in run mode, before any value is resolved
    /// (references stay references: nothing is allocated or started).
    /// </summary>
    public async Task<Dictionary<string, object>> EnvironmentOfAsync(string name)
    {
        var resource = Resource<IResourceWithEnvironment>(name);
        var context = new EnvironmentCallbackContext(
            new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run), resource, cancellationToken: TestContext.Current.CancellationToken);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        return context.EnvironmentVariables.ToDictionary(pair => pair.Key, pair => pair.Value);
    }

    public async Task<List<string>> ArgumentsOfAsync(string name)
    {
        var resource = Resource<IResourceWithArgs>(name);
        var context = new CommandLineArgsCallbackContext([], resource, TestContext.Current.CancellationToken);
        foreach (var callback in resource.Annotations.OfType<CommandLineArgsCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        return context.Args.Select(argument => argument.ToString() ?? "").ToList();
    }

    public ValueTask DisposeAsync() => _builder.DisposeAsync();
}
