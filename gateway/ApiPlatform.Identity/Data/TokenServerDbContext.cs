using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.Identity.Data;

/// <summary>The OpenIddict stores (applications, scopes); the entity sets come from <c>UseOpenIddict()</c>.</summary>
internal sealed class TokenServerDbContext(DbContextOptions<TokenServerDbContext> options) : DbContext(options);
