using FluentValidation;

namespace ApiPlatform.Contracts.ProcureToPay;

/// <summary>
/// A purchase requisition: what to buy, from which supplier, at what total. Without <c>lines</c> it is one line of the
/// description at the total; with them, the total must be their sum. <c>tenant</c> is required unless the caller's
/// token carries one; <c>category</c> selects the approval policy (configuration), default <c>general</c>.
/// </summary>
public sealed record CreateRequisition(
    string Description, string SupplierId, Money Amount, string? Tenant = null, string? Category = null, IReadOnlyList<RequisitionLineRequest>? Lines = null);

public sealed record RequisitionLineRequest(string Sku, string Description, decimal Quantity, decimal UnitPrice);

public sealed class CreateRequisitionValidator : AbstractValidator<CreateRequisition>
{
    public CreateRequisitionValidator()
    {
        RuleFor(r => r.Description).NotEmpty().MaximumLength(500);
        RuleFor(r => r.SupplierId).Id();
        RuleFor(r => r.Amount).NotNull().PositiveMoney();
        RuleFor(r => r.Tenant!).Tenant().When(r => r.Tenant is not null);
        RuleFor(r => r.Category!).NotEmpty().MaximumLength(40).Matches("^[a-z0-9][a-z0-9-]*$")
            .WithMessage("'Category' is lower-case letters, digits and dashes.").When(r => r.Category is not null);
        RuleFor(r => r.Lines!).NotEmpty().Must(l => l.Count <= 100).WithMessage("A requisition has at most 100 lines.").When(r => r.Lines is not null);
        RuleForEach(r => r.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.Sku).NotEmpty().MaximumLength(64);
            line.RuleFor(l => l.Description).NotEmpty().MaximumLength(200);
            line.RuleFor(l => l.Quantity).GreaterThan(0).LessThanOrEqualTo(1_000_000).PrecisionScale(18, 4, true);
            line.RuleFor(l => l.UnitPrice).GreaterThan(0).LessThanOrEqualTo(1_000_000_000).PrecisionScale(18, 4, true);
        });
        RuleFor(r => r).Must(r => r.Lines is null || r.Amount is null || Math.Round(r.Lines.Sum(l => l.Quantity * l.UnitPrice), 2) == r.Amount.Amount)
            .WithName("Amount").WithMessage("'Amount' must equal the sum of the lines (quantity × unit price).");
    }
}

/// <summary>Goods received against the requisition's purchase order, per purchase order line; partial receipts are fine.</summary>
public sealed record RecordReceiptRequest(IReadOnlyList<ReceiptLineRequest> Lines, string? Warehouse = null);

public sealed record ReceiptLineRequest(int LineNumber, decimal Quantity);

public sealed class RecordReceiptRequestValidator : AbstractValidator<RecordReceiptRequest>
{
    public RecordReceiptRequestValidator()
    {
        RuleFor(r => r.Lines).NotEmpty().Must(l => l is null || l.Count <= 100).WithMessage("A receipt has at most 100 lines.");
        RuleForEach(r => r.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.LineNumber).GreaterThan(0);
            line.RuleFor(l => l.Quantity).GreaterThan(0).LessThanOrEqualTo(1_000_000).PrecisionScale(18, 4, true);
        });
        RuleFor(r => r.Warehouse!).NotEmpty().MaximumLength(32).When(r => r.Warehouse is not null);
    }
}

/// <summary>
/// The supplier's invoice for the requisition's purchase order, per purchase order line: the quantity and unit price
/// the supplier bills, plus the tax. It is matched against the order and the receipts before it is posted to payables.
/// </summary>
public sealed record SubmitSupplierInvoiceRequest(string Number, DateOnly InvoiceDate, DateOnly DueDate, Money Tax, IReadOnlyList<InvoiceLineRequest> Lines);

public sealed record InvoiceLineRequest(int LineNumber, decimal Quantity, decimal UnitPrice);

public sealed class SubmitSupplierInvoiceRequestValidator : AbstractValidator<SubmitSupplierInvoiceRequest>
{
    public SubmitSupplierInvoiceRequestValidator()
    {
        RuleFor(r => r.Number).NotEmpty().MaximumLength(64);
        RuleFor(r => r.DueDate).GreaterThanOrEqualTo(r => r.InvoiceDate).WithMessage("'Due Date' cannot be before the invoice date.");
        RuleFor(r => r.Tax).NotNull().SetValidator(new MoneyValidator());
        RuleFor(r => r.Tax.Amount).GreaterThanOrEqualTo(0).When(r => r.Tax is not null).OverridePropertyName("Tax.Amount");
        RuleFor(r => r.Lines).NotEmpty().Must(l => l is null || l.Count <= 100).WithMessage("An invoice has at most 100 lines.");
        RuleForEach(r => r.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.LineNumber).GreaterThan(0);
            line.RuleFor(l => l.Quantity).GreaterThan(0).LessThanOrEqualTo(1_000_000).PrecisionScale(18, 4, true);
            line.RuleFor(l => l.UnitPrice).GreaterThan(0).LessThanOrEqualTo(1_000_000_000).PrecisionScale(18, 4, true);
        });
        RuleFor(r => r.Lines).Must(l => l.Select(x => x.LineNumber).Distinct().Count() == l.Count).When(r => r.Lines is not null)
            .WithMessage("Each purchase order line appears once.");
    }
}

/// <summary>Withdraws a requisition before any goods were received: its purchase order, if any, is cancelled.</summary>
public sealed record WithdrawRequisitionRequest(string Reason);

public sealed class WithdrawRequisitionRequestValidator : AbstractValidator<WithdrawRequisitionRequest>
{
    public WithdrawRequisitionRequestValidator() => RuleFor(r => r.Reason).NotEmpty().MaximumLength(500);
}

/// <summary>
/// How a three-way-match exception is resolved: <c>accept</c> the invoice as it is (an approver's decision),
/// <c>reject</c> it and wait for a corrected invoice, or <c>wait-for-receipt</c> (match again when more goods arrive).
/// </summary>
public sealed record ResolveExceptionRequest(string Action, string? Comment);

public sealed class ResolveExceptionRequestValidator : AbstractValidator<ResolveExceptionRequest>
{
    public static readonly string[] Actions = ["accept", "reject", "wait-for-receipt"];

    public ResolveExceptionRequestValidator()
    {
        RuleFor(r => r.Action).NotEmpty().Must(a => Actions.Contains(a)).WithMessage("'Action' must be 'accept', 'reject' or 'wait-for-receipt'.");
        RuleFor(r => r.Comment).MaximumLength(500);
        RuleFor(r => r.Comment).NotEmpty().When(r => r.Action is "accept" or "reject").WithMessage("Accepting or rejecting needs a comment saying why.");
    }
}
