using System.Text.Json.Nodes;

namespace ApiPlatform.Contracts.Tests;

public sealed class OpenApiBreakingChangesTests
{
    private const string Published = """
        {
          "openapi": "3.0.4",
          "paths": {
            "/v1/orders": {
              "get": {
                "parameters": [ { "name": "status", "in": "query", "required": false, "schema": { "type": "string" } } ],
                "responses": { "200": { "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Order" } } } } } }
              },
              "post": {
                "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/NewOrder" } } } },
                "responses": { "201": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Order" } } } } }
              }
            },
            "/v1/orders/{id}": {
              "get": { "responses": { "200": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Order" } } } } } }
            }
          },
          "components": {
            "schemas": {
              "Order": {
                "type": "object",
                "properties": {
                  "id": { "type": "string" },
                  "quantity": { "type": "integer", "format": "int32" },
                  "status": { "$ref": "#/components/schemas/Status" },
                  "lines": { "type": "array", "items": { "$ref": "#/components/schemas/Line" } }
                }
              },
              "Line": { "type": "object", "properties": { "sku": { "type": "string" } } },
              "Status": { "type": "string", "enum": [ "Open", "Shipped" ] },
              "NewOrder": { "type": "object", "required": [ "sku" ], "properties": { "sku": { "type": "string" }, "note": { "type": "string" } } }
            }
          }
        }
        """;

    [Fact]
    public void The_same_document_has_no_breaking_change()
    {
        Assert.Empty(OpenApiBreakingChanges.Find(JsonNode.Parse(Published)!, JsonNode.Parse(Published)!));
    }

    [Fact]
    public void Additions_are_not_breaking()
    {
        var candidate = Change(d =>
        {
            d["paths"]!["/v1/invoices"] = JsonNode.Parse("""{ "get": { "responses": { "200": {} } } }""");
            d["components"]!["schemas"]!["Order"]!["properties"]!["total"] = JsonNode.Parse("""{ "type": "number" }""");
            d["components"]!["schemas"]!["Status"]!["enum"]!.AsArray().Add("Cancelled");
            d["components"]!["schemas"]!["NewOrder"]!["properties"]!["channel"] = JsonNode.Parse("""{ "type": "string" }""");
            d["paths"]!["/v1/orders"]!["get"]!["parameters"]!.AsArray().Add(JsonNode.Parse("""{ "name": "page", "in": "query", "schema": { "type": "integer" } }"""));
        });

        Assert.Empty(OpenApiBreakingChanges.Find(JsonNode.Parse(Published)!, candidate));
    }

    [Theory]
    [InlineData("path", "removed path /v1/orders/{id}")]
    [InlineData("operation", "removed operation POST /v1/orders")]
    [InlineData("response-property", "GET /v1/orders/{id} response 200: property quantity was removed")]
    [InlineData("nested-response-property", "GET /v1/orders response 200[].lines[]: property sku was removed")]
    [InlineData("enum", "GET /v1/orders/{id} response 200.status: enum value \"Shipped\" was removed")]
    [InlineData("required-property", "POST /v1/orders request body: new required property note")]
    [InlineData("required-parameter", "GET /v1/orders: new required parameter query:tenant")]
    [InlineData("optional-parameter-made-required", "GET /v1/orders: parameter query:status became required")]
    [InlineData("type", "GET /v1/orders/{id} response 200.quantity: type changed from integer (int32) to string")]
    public void Each_breaking_change_is_found_and_named(string change, string expected)
    {
        var candidate = Change(d =>
        {
            var schemas = d["components"]!["schemas"]!;
            _ = change switch
            {
                "path" => d["paths"]!.AsObject().Remove("/v1/orders/{id}"),
                "operation" => d["paths"]!["/v1/orders"]!.AsObject().Remove("post"),
                "response-property" => schemas["Order"]!["properties"]!.AsObject().Remove("quantity"),
                "nested-response-property" => schemas["Line"]!["properties"]!.AsObject().Remove("sku"),
                "enum" => schemas["Status"]!["enum"]!.AsArray().Remove(schemas["Status"]!["enum"]![1]),
                "required-property" => Do(() => schemas["NewOrder"]!["required"]!.AsArray().Add("note")),
                "required-parameter" => Do(() => d["paths"]!["/v1/orders"]!["get"]!["parameters"]!.AsArray()
                    .Add(JsonNode.Parse("""{ "name": "tenant", "in": "query", "required": true, "schema": { "type": "string" } }"""))),
                "optional-parameter-made-required" => Do(() => d["paths"]!["/v1/orders"]!["get"]!["parameters"]![0]!["required"] = true),
                "type" => Do(() => schemas["Order"]!["properties"]!["quantity"] = JsonNode.Parse("""{ "type": "string" }""")),
                _ => throw new ArgumentOutOfRangeException(nameof(change)),
            };
        });

        var changes = OpenApiBreakingChanges.Find(JsonNode.Parse(Published)!, candidate);

        Assert.Contains(expected, changes);
    }

    private static JsonNode Change(Action<JsonNode> edit)
    {
        var document = JsonNode.Parse(Published)!;
        edit(document);
        return document;
    }

    private static bool Do(Action action)
    {
        action();
        return true;
    }
}
