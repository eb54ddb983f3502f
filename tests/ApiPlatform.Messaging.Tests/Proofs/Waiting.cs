namespace ApiPlatform.Messaging.Tests.Proofs;

internal static class Waiting
{
    /// <summary>Polls until the condition holds; false when it did not within the timeout.</summary>
    public static async Task<bool> UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, int pollMilliseconds = 100)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }
            await Task.Delay(pollMilliseconds);
        }
        return await condition();
    }
}
