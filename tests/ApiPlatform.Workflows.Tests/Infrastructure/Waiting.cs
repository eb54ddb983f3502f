using Microsoft.Extensions.Time.Testing;

namespace ApiPlatform.Workflows.Tests.Infrastructure;

public static class Waiting
{
    /// <summary>Polls until the condition holds; false when it did not within the timeout.</summary>
    public static async Task<bool> UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, int pollMilliseconds = 20)
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

    /// <summary>
    /// Polls until the condition holds while moving a fake clock on in small steps: the runner's polls wait on that clock
    /// too, so it only looks for work when the test moves time.
    /// </summary>
    public static Task<bool> UntilAsync(FakeTimeProvider clock, Func<Task<bool>> condition, TimeSpan timeout, TimeSpan? step = null) =>
        UntilAsync(async () =>
        {
            if (await condition())
            {
                return true;
            }
            clock.Advance(step ?? TimeSpan.FromMilliseconds(20));
            return false;
        }, timeout, pollMilliseconds: 5);
}
