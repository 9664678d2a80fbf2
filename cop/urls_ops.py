"""Operations and privacy: health check, security.txt, data export and account deletion."""

urlpatterns = []
