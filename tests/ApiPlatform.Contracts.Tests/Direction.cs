namespace ApiPlatform.Contracts.Tests;

/// <summary>Which way data flows through a schema: what breaks a client differs for what it sends and what it reads.</summary>
public enum Direction
{
    Request,
    Response,
}
