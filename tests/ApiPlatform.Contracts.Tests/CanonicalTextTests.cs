using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Crm;

namespace ApiPlatform.Contracts.Tests;

/// <summary>The one text rule of canonical writes: no control characters, no bidirectional embeddings or overrides.</summary>
public sealed class CanonicalTextTests
{
    [Theory]
    [InlineData("ACME Robotics GmbH", true, true)]
    [InlineData("München – Straße 1", true, true)]
    [InlineData("first line\nsecond\tcolumn\r\n", true, false)]
    [InlineData("nul\u0000", false, false)]
    [InlineData("bell\u0007", false, false)]
    [InlineData("delete\u007F", false, false)]
    [InlineData("c1 next line\u0085", false, false)]
    [InlineData("c1 csi\u009B", false, false)]
    [InlineData("invoice\u202Egpj.exe", false, false)]
    [InlineData("embedding\u202A", false, false)]
    [InlineData("isolate\u2066x\u2069", false, false)]
    [InlineData("first strong isolate\u2068", false, false)]
    public void Text_is_clean_only_without_control_and_bidi_override_characters(string text, bool multiLine, bool singleLine)
    {
        Assert.Equal(multiLine, CanonicalText.IsClean(text));
        Assert.Equal(singleLine, CanonicalText.IsClean(text, multiLine: false));
    }

    [Fact]
    public void Every_string_of_a_request_is_checked_including_nested_lines()
    {
        var request = new CreateQuoteRequest("acme", "acc\u0007", null, "EUR", 0.19m, null,
            [new QuoteLineRequest("SKU-1", "fine", 1, new Money(1m, "EUR"), 0), new QuoteLineRequest("SKU-2", "bad\u202E", 1, new Money(1m, "EUR"), 0)]);

        Assert.Equal(["AccountId", "Lines[1].Description"], CanonicalText.FindUnclean(request));
    }
}
