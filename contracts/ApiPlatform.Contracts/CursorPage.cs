namespace ApiPlatform.Contracts;

/// <summary>One page of a list that is paged by cursor (the systems behind it keep no total): pass <c>Next</c> as <c>cursor</c> for the next page.</summary>
public sealed record CursorPage<T>(IReadOnlyList<T> Items, string? Next);
