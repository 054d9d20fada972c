using SocialEnterprise.Contracts.Assignment;
using SocialEnterprise.Contracts.Staff;

namespace SocialEnterprise.Web.Operations;

/// <summary>Staff members, their settings and availability.</summary>
public sealed class StaffClient(ApiTransport api)
{
    public async Task<IReadOnlyList<StaffMemberView>> StaffAsync(string? department, CancellationToken cancellationToken) =>
        await api.ReadAsync<List<StaffMemberView>>(
            HttpMethod.Get, department is null ? "api/staff" : $"api/staff?department={Uri.EscapeDataString(department)}", null, cancellationToken);

    public Task<StaffProfileView> StaffProfileAsync(Guid id, CancellationToken cancellationToken) =>
        api.ReadAsync<StaffProfileView>(HttpMethod.Get, $"api/staff/{id}", null, cancellationToken);

    public Task<StaffProfileView> AddStaffAsync(NewStaffRequest staff, CancellationToken cancellationToken) =>
        api.ReadAsync<StaffProfileView>(HttpMethod.Post, "api/staff", staff, cancellationToken);

    public Task ChangeStaffAsync(Guid id, StaffSettingsRequest settings, CancellationToken cancellationToken) =>
        api.CallAsync(HttpMethod.Put, $"api/staff/{id}", settings, cancellationToken);

    public Task ChangeAvailabilityAsync(Guid id, string availability, CancellationToken cancellationToken) =>
        api.CallAsync(HttpMethod.Put, $"api/staff/{id}/availability", new AvailabilityRequest(availability), cancellationToken);
}
