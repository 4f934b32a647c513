"""Builders for test data, in one place."""

import factory
import wagtail_factories
from django.contrib.auth import get_user_model

from cms.models import ContentPage, HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Startseite"
    slug = factory.Sequence(lambda n: f"start-{n}")
    intro = "Willkommen"

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Seite {n}")
    slug = factory.Sequence(lambda n: f"seite-{n}")

    class Meta:
        model = ContentPage


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@stuttgart.example")
    password = factory.PostGenerationMethodCall("set_password", "secret-password")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*extracted)
        if create:
            self.save()
