"""wagtail-localize's screens for translating an office's decision templates and notification texts, within the
office's scope: its views check model permissions only, so another office could open a translation by its number.

The same addresses are served here first: each looks up the object the translation is of and answers 404 to whoever
may not change it (like an object that does not exist), then hands over to wagtail-localize's own view. Its
listings (the snippet API that its chooser reads, the translations report) list only objects the user may see.
"""

from functools import wraps

from django.apps import apps
from django.contrib.admin.utils import unquote
from django.http import Http404
from django.urls import include, path
from wagtail.permissions import policy_registry
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views import edit_translation, report, snippets_api, submit_translations, update_translations

from .office_scope import OfficeScopedPermissionPolicy, may_change, scoped_objects


def _of_translation(translation_id, **kwargs):
    translation = Translation.objects.select_related("source").filter(pk=translation_id).first()
    return translation.source.get_source_instance() if translation else None


def _of_source(translation_source_id, **kwargs):
    source = TranslationSource.objects.filter(pk=translation_source_id).first()
    return source.get_source_instance() if source else None


def _of_snippet(app_label, model_name, pk, **kwargs):
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        return None  # wagtail-localize's view answers 404 for it
    return model._default_manager.filter(pk=unquote(pk)).first()


def _in_scope(view, find_object):
    """`view`, answering 404 when the object its URL names belongs to an office the user does not work for."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        instance = find_object(**kwargs)
        if instance is not None and not may_change(request.user, instance):
            raise Http404
        return view(request, *args, **kwargs)

    return guarded


def _scoped_model(model) -> bool:
    return isinstance(policy_registry.get_by_type(model), OfficeScopedPermissionPolicy)


class SnippetListing(snippets_api.SnippetViewSet):
    def get_queryset(self):
        model = self.get_model()
        if _scoped_model(model):
            return scoped_objects(model, self.request.user, "view", "change")
        return super().get_queryset()


class TranslationsReport(report.TranslationsReportView):
    def get_queryset(self):
        translations = super().get_queryset()
        for model in (model for model in apps.get_models() if _scoped_model(model)):
            hidden = model._default_manager.exclude(pk__in=scoped_objects(model, self.request.user, "view", "change"))
            translations = translations.exclude(
                source__specific_content_type__model=model._meta.model_name,
                source__specific_content_type__app_label=model._meta.app_label,
                source__object_id__in=hidden.values("translation_key"),
            )
        return translations


def translation_urls_in_office_scope():
    translation = "translate/<int:translation_id>/"
    guarded = [
        (f"{translation}strings/<int:string_segment_id>/edit/", edit_translation.edit_string_translation),
        (f"{translation}overrides/<int:overridable_segment_id>/edit/", edit_translation.edit_override),
        (f"{translation}pofile/download/", edit_translation.download_pofile),
        (f"{translation}pofile/upload/", edit_translation.upload_pofile),
        (f"{translation}machine_translate/", edit_translation.machine_translate),
        (f"{translation}preview/", edit_translation.preview_translation),
        (f"{translation}preview/<str:mode>/", edit_translation.preview_translation),
        (f"{translation}disable/", edit_translation.stop_translation),
    ]
    urls = [path(route, _in_scope(view, _of_translation)) for route, view in guarded]
    urls += [
        path(
            "submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            _in_scope(submit_translations.SubmitSnippetTranslationView.as_view(), _of_snippet),
        ),
        path(
            "update/<int:translation_source_id>/",
            _in_scope(update_translations.UpdateTranslationsView.as_view(), _of_source),
        ),
        path("reports/translations/", TranslationsReport.as_view()),
        path("reports/translations/results/", TranslationsReport.as_view(results_only=True)),
        path("api/snippets/<slug:app_label>/<slug:model_name>/", SnippetListing.as_view({"get": "list"})),
        path(
            "api/snippets/<slug:app_label>/<slug:model_name>/<str:pk>/",
            _in_scope(SnippetListing.as_view({"get": "retrieve"}), _of_snippet),
        ),
    ]
    return [path("localize/", include(urls))]
