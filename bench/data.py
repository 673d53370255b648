"""The partnerships the benchmarks measure with, made through the app's own models (run inside
a transaction that is rolled back: they write to the database)."""


def partnership_of(members, name, goal, sectors=("public",)):
    """A partnership whose members are (display name, organisation, sector, role), each a new
    user with a profile; returns it and the users in the same order."""
    from django.contrib.auth import get_user_model

    from accounts.models import Profile
    from partnerships.models import Membership, Partnership

    partnership = Partnership.objects.create(name=name, goal=goal, sectors=list(sectors))
    users = []
    for number, (display_name, organisation, sector, role) in enumerate(members):
        user = get_user_model().objects.create_user(
            f"bench{number}@example.org", f"bench{number}@example.org", "bench-password-1"
        )
        Profile.objects.create(
            user=user, display_name=display_name, organisation=organisation, sector=sector
        )
        Membership.objects.create(partnership=partnership, user=user, role=role)
        users.append(user)
    return partnership, users
