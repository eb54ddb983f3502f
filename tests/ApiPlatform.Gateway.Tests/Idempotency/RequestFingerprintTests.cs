using System.Text;
using ApiPlatform.Gateway.Idempotency;
using Microsoft.AspNetCore.Http;

namespace ApiPlatform.Gateway.Tests.Idempotency;

public sealed class RequestFingerprintTests
{
    // Records stored by any gateway version are compared by this value for 24 h, across upgrades: its format is fixed.
    [Fact]
    public void The_fingerprint_is_the_sha256_of_method_path_query_content_type_and_body()
    {
        var request = new DefaultHttpContext().Request;
        request.Method = "POST";
        request.Path = "/system/erp/v1/sales-orders";
        request.QueryString = new QueryString("?dry=1");
        request.ContentType = "application/json; charset=utf-8";
        var body = Encoding.UTF8.GetBytes("""{"tenant":"acme","note":"Müller"}""");

        Assert.Equal("37E0B2F0011C95DBC3CFA93998C7BFC2B2F7C0ED8A8A4260B4A3674ED690CDCE", RequestFingerprint.Compute(request, body));
        Assert.NotEqual(RequestFingerprint.Compute(request, body), RequestFingerprint.Compute(request, body.AsSpan(1)));
    }
}
