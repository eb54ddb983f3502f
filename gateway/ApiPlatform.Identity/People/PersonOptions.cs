namespace ApiPlatform.Identity.People;

/// <summary>A person who signs in (<c>Identity:People:{userName}</c>).</summary>
public sealed class PersonOptions
{
    /// <summary><c>platform-admin</c>, <c>operator</c> or <c>partner-user</c>.</summary>
    public string Role { get; set; } = "";

    /// <summary>The partner's tenant, for a <c>partner-user</c> only.</summary>
    public string? Tenant { get; set; }

    /// <summary>An ASP.NET Core Identity password hash (PBKDF2, format v3), as <c>PasswordHasher</c> writes it.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>A plain password: Development only, for the documented seed people.</summary>
    public string? Password { get; set; }

    /// <summary>A seed person: the service refuses to start with one outside Development.</summary>
    public bool DevelopmentOnly { get; set; }
}
