from django.conf import settings


def site(request):
    return {"development_mode": settings.DEBUG}
