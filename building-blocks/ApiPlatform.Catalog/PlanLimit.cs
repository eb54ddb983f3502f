namespace ApiPlatform.Catalog;

public sealed class PlanLimit
{
    public int Requests { get; set; }
    public int WindowSeconds { get; set; }
    public int Burst { get; set; }
}
