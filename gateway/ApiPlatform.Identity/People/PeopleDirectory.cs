using ApiPlatform.Catalog;
using ApiPlatform.Identity.Clients;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Identity.People;

/// <summary>
/// The people of <c>Identity:People</c> and the scopes their roles map to: the scopes machines get, so APIs need no second
/// authorization model. Passwords are checked against PBKDF2 hashes.
/// </summary>
internal sealed class PeopleDirectory(IOptions<IdentityServerOptions> options, ClientRegistry clients, ApiCatalog catalog, IHostEnvironment environment)
{
    private const string InternalPlan = "internal";
    private static readonly PasswordHasher<string> Hasher = new();

    // Checked when the user name is unknown, so that an unknown name costs the same PBKDF2 work as a known one.
    private static readonly Lazy<string> DecoyHash = new(() => Hasher.HashPassword("", Guid.NewGuid().ToString("N")));

    public Person? Find(string? userName)
    {
        if (userName is null || !options.Value.People.TryGetValue(userName, out var person) || !IsAllowed(person))
        {
            return null;
        }
        var subject = options.Value.People.Keys.First(key => string.Equals(key, userName, StringComparison.OrdinalIgnoreCase));
        return Describe(subject, person);
    }

    /// <summary>The person when <paramref name="password"/> is theirs; null for a wrong password or an unknown user alike.</summary>
    public Person? Verify(string userName, string password)
    {
        var person = Find(userName);
        var hash = person is null ? DecoyHash.Value : HashOf(options.Value.People[userName]);
        var result = Hasher.VerifyHashedPassword(userName, hash, password);
        return person is not null && result != PasswordVerificationResult.Failed ? person : null;
    }

    public static string Hash(string password) => Hasher.HashPassword("", password);

    private bool IsAllowed(PersonOptions person) => !person.DevelopmentOnly || environment.IsDevelopment();

    private static string HashOf(PersonOptions person) => person.PasswordHash ?? Hash(person.Password ?? "");

    private Person Describe(string subject, PersonOptions person) => person.Role switch
    {
        PersonRoles.PlatformAdmin => new Person(subject, person.Role, null, InternalPlan, ConsumerKinds.Internal,
            [ApiCatalog.PlatformAdminScope, .. catalog.Apis.Select(api => api.Scope)]),
        PersonRoles.Operator => new Person(subject, person.Role, null, InternalPlan, ConsumerKinds.Internal,
            [ApiCatalog.PlatformAdminScope, .. catalog.Apis.Where(api => api.Tier is "process" or "experience").Select(api => api.Scope)]),
        PersonRoles.PartnerUser when clients.PartnerOf(person.Tenant) is { } partner => new Person(subject, person.Role, partner.Tenant, partner.Plan,
            ConsumerKinds.Partner, [.. clients.ScopesOf(partner).Where(scope => scope != ApiCatalog.PlatformAdminScope)]),
        _ => throw new InvalidOperationException($"Person '{subject}' has the role '{person.Role}', which {nameof(PeopleValidator)} refuses."),
    };
}
