"""The glossary (/begrippen/)."""

from django.urls import path

from cop.views import glossary

urlpatterns = [
    path("", glossary.glossary, name="glossary"),
    path("<slug:slug>/", glossary.term_detail, name="glossary-term"),
]
