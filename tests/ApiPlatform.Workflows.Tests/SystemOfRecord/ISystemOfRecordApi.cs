using ApiPlatform.Contracts;
using Refit;

namespace ApiPlatform.Workflows.Tests.SystemOfRecord;

/// <summary>The test workflows' typed client of the system of record, as a process API's client of a system API.</summary>
public interface ISystemOfRecordApi
{
    [Post("/documents/{step}")]
    Task<DocumentReceipt> CreateAsync(string step, [Header(PlatformHeaders.IdempotencyKey)] string idempotencyKey, [Body] DocumentRequest request, CancellationToken cancellationToken);

    [Post("/documents/{step}/undo")]
    Task<DocumentReceipt> UndoAsync(string step, [Header(PlatformHeaders.IdempotencyKey)] string idempotencyKey, [Body] DocumentRequest request, CancellationToken cancellationToken);
}

public sealed record DocumentRequest(string InstanceId);

public sealed record DocumentReceipt(string Key, long Number, bool Replayed);
