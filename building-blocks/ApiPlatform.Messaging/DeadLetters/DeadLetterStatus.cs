namespace ApiPlatform.Messaging.DeadLetters;

public enum DeadLetterStatus
{
    Open = 0,
    ReplayRequested = 1,
    Replayed = 2,
    Discarded = 3,
}
