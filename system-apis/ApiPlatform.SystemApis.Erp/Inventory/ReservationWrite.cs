using ApiPlatform.SystemApis.Erp.Data;

namespace ApiPlatform.SystemApis.Erp.Inventory;

/// <summary>A reservation, whether this call made it, and whether its key had been used for another request.</summary>
public sealed record ReservationWrite(ReservationEntity Reservation, bool Created, bool KeyReused);
