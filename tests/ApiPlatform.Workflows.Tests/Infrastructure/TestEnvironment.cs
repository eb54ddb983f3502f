namespace ApiPlatform.Workflows.Tests.Infrastructure;

/// <summary>The real engines the CI provides; tests that need one are skipped, never passed, without it.</summary>
public static class TestEnvironment
{
    public const string PostgresVariable = "APIPLATFORM_TEST_POSTGRES";

    public static string? Postgres => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static string RequirePostgres()
    {
        Skip.If(Postgres is null, $"{PostgresVariable} is not set: no PostgreSQL server to test against.");
        return Postgres!;
    }
}
