namespace ApiPlatform.Workflows;

/// <summary>Thrown by a step or a helper it calls for a business refusal: the instance compensates its completed steps.</summary>
public sealed class WorkflowRefusedException(string reason) : Exception(reason);
