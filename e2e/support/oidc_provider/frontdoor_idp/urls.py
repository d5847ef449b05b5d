from django.contrib.auth.views import LoginView
from django.urls import include, path

urlpatterns = [
    # The issuer is SITE_URL + "/openid": django-oidc-provider derives it from where its
    # discovery view is mounted.
    path("openid/", include("oidc_provider.urls", namespace="oidc_provider")),
    # Django's own sign-in page (template: templates/registration/login.html).
    path("accounts/login/", LoginView.as_view(), name="login"),
]
