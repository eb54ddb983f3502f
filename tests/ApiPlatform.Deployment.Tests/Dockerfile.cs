namespace ApiPlatform.Deployment.Tests;

/// <summary>A Dockerfile read as its stages of instructions (continuation lines joined, comments dropped).</summary>
internal sealed record Dockerfile(string Path, IReadOnlyList<DockerStage> Stages)
{
    public DockerStage Final => Stages[^1];

    public static Dockerfile Read(string path)
    {
        var instructions = new List<(string Keyword, string Arguments)>();
        var current = "";
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            current += line.EndsWith('\\') ? line[..^1] + " " : line;
            if (!line.EndsWith('\\'))
            {
                var space = current.IndexOf(' ', StringComparison.Ordinal);
                instructions.Add((current[..space].ToUpperInvariant(), current[(space + 1)..].Trim()));
                current = "";
            }
        }

        var stages = new List<(string Image, string? Name, List<(string, string)> Instructions)>();
        foreach (var (keyword, arguments) in instructions)
        {
            if (keyword == "FROM")
            {
                var parts = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                stages.Add((parts[0], parts.Length == 3 ? parts[2] : null, []));
            }
            else
            {
                stages[^1].Instructions.Add((keyword, arguments));
            }
        }
        return new Dockerfile(path, [.. stages.Select(s => new DockerStage(s.Image, s.Name, s.Instructions))]);
    }
}

internal sealed record DockerStage(string Image, string? Name, IReadOnlyList<(string Keyword, string Arguments)> Instructions)
{
    public IEnumerable<string> All(string keyword) => Instructions.Where(i => i.Keyword == keyword).Select(i => i.Arguments);
}
