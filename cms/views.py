from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from cms.health import database_is_reachable


@never_cache
@require_GET
def healthz(request):
    """200 when the database answers, 503 otherwise; the body says which part failed."""
    reachable = database_is_reachable()
    return JsonResponse({"database": "ok" if reachable else "unreachable"}, status=200 if reachable else 503)
