namespace ApiPlatform.Testing;

/// <summary>The PostgreSQL server for tests (a connection string without a database), or null: those tests are then skipped.</summary>
public static class TestPostgres
{
    public const string Variable = "APIPLATFORM_TEST_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public const string SkipReason = $"{Variable} is not set: no PostgreSQL server to test against.";
}
