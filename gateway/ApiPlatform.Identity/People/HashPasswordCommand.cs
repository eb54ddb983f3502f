namespace ApiPlatform.Identity.People;

/// <summary>
/// <c>ApiPlatform.Identity hash-password</c>: reads a password from standard input and prints the value for
/// <c>Identity:People:{userName}:PasswordHash</c>, so no plain password is ever configured outside Development.
/// </summary>
public static class HashPasswordCommand
{
    public const string Name = "hash-password";

    /// <summary>Runs the command when <paramref name="args"/> ask for it; false otherwise.</summary>
    public static bool TryRun(string[] args, TextReader input, TextWriter output)
    {
        if (args is not [Name])
        {
            return false;
        }
        var password = input.ReadLine();
        if (string.IsNullOrEmpty(password))
        {
            throw new InvalidOperationException("hash-password reads the password from the first line of standard input; it was empty.");
        }
        output.WriteLine(PeopleDirectory.Hash(password));
        return true;
    }
}
