using ApiPlatform.Identity.SignIn;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.Identity.Data;

/// <summary>
/// The OpenIddict stores (applications, scopes, authorizations; the entity sets come from <c>UseOpenIddict()</c>), the
/// data-protection key ring of the sign-in cookies, and failed sign-ins per account.
/// </summary>
internal sealed class TokenServerDbContext(DbContextOptions<TokenServerDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<SignInFailure> SignInFailures => Set<SignInFailure>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<SignInFailure>(failure =>
        {
            failure.HasKey(f => f.Account);
            failure.Property(f => f.Account).HasMaxLength(SignInFailure.MaxAccountLength);
        });
    }
}
