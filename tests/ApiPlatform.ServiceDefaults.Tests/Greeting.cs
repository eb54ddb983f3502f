using FluentValidation;

namespace ApiPlatform.ServiceDefaults.Tests;

public sealed record Greeting(string Name);

public sealed class GreetingValidator : AbstractValidator<Greeting>
{
    public GreetingValidator() => RuleFor(g => g.Name).NotEmpty().MaximumLength(10);
}
